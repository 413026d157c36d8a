// Speech module: being written.
