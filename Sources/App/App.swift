// App module: being written.
