"""Document camera (高拍仪): frames in, rectified A4 pages and codes out. No Qt."""
