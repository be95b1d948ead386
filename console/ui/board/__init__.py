"""The situation board: the console's home screen and its wall display."""

from console.ui.board.view import BoardView

__all__ = ["BoardView"]
