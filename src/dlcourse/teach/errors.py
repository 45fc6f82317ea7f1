"""The one error type the teacher CLI turns into a one-line message."""


class CourseError(Exception):
    """A problem with the user's input: the message says what is wrong and what to do."""
