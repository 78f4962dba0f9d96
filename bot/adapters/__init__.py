"""The edges: turn platform payloads into coach calls and render its Replies."""
