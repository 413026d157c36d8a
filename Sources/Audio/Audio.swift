// Audio module: being written.
