// Clinical module: being written.
