"""Qt pieces that both UIs use: background tasks, device bridges, previews, the sync badge."""
