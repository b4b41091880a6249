print("armsim")
