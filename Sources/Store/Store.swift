// Store module: being written.
