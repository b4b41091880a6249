// The header does the work; this file makes the target a buildable C module.
