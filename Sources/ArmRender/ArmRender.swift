// ArmRender: SDL2 drawing of a simulation.
