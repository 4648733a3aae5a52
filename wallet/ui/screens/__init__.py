"""The screens and dialogs of the desktop app, one module each."""
