import ArmIO
import ArmKit

// The libraries' own enumerations, taken on the command line by their raw values.
extension JacobianMode: ArgumentChoice {}
extension IKTask: ArgumentChoice {}
extension SolverMethod: ArgumentChoice {}
extension TrajectoryFormat: ArgumentChoice {}
