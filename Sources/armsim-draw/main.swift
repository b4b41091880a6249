import ArmCLI

// The dynamically linked executable that draws: armsim hands it the window, render, --record, --plot and
// the picture commands, with the same arguments; SDL is opened with dlopen when drawing starts.
ArmsimMain.run(drawsInProcess: true)
