// AutoDiff: forward, reverse and nested automatic differentiation.
