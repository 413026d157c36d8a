// HTTP module: being written.
