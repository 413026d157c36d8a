// Vault module: being written.
