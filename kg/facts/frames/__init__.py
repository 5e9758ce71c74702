"""facts.frames"""
