import ArmCLI

// The static executable: every headless command starts without the dynamic loader; drawing commands are
// handed to armsim-draw beside it (ArmCLI/Support/DrawingHost.swift).
ArmsimMain.run(drawsInProcess: false)
