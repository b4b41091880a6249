/// Every buffer a solve writes (Pinocchio's *Data*), allocated once per solver so a solve allocates nothing.
/// A struct of pointers: copies share the buffers, and `deallocate()` releases them once.
struct SolverWorkspace {
    /// Sweeps the arm and keeps the last fresh sweep for the next solve; owns J and the link directions.
    let sweeps: SweepCache
    /// J of the current sweep (row-major rows × n), owned by `sweeps`.
    var jacobian: UnsafeMutableBufferPointer<Double> { sweeps.jacobian }
    /// σ's scratch (rows × n).
    let scratch: UnsafeMutableBufferPointer<Double>
    /// Δq of the current iteration.
    let step: UnsafeMutableBufferPointer<Double>
    /// The null-space objective's gradient, and the saddle escape's trial q.
    let trial: UnsafeMutableBufferPointer<Double>
    /// q before the current step, for the line search.
    let backup: UnsafeMutableBufferPointer<Double>
    /// The joint-limit active set; nil for an arm without limits.
    let activeSet: JointLimitActiveSet?
    /// The Hessian and its eigenvectors, for `newton` only.
    let newton: NewtonBuffers?

    init(model: SolverModel) {
        let n = model.n, rows = model.task.dimension
        sweeps = SweepCache(arm: model.arm, task: model.task)
        scratch = .allocate(capacity: rows * n); scratch.initialize(repeating: 0)
        step = .allocate(capacity: n); step.initialize(repeating: 0)
        trial = .allocate(capacity: n); trial.initialize(repeating: 0)
        backup = .allocate(capacity: n); backup.initialize(repeating: 0)
        activeSet = model.limits.map { JointLimitActiveSet(limits: $0) }
        newton = model.config.method == .newton ? NewtonBuffers(count: n) : nil
    }

    func deallocate() {
        sweeps.deallocate(); scratch.deallocate(); step.deallocate(); trial.deallocate(); backup.deallocate()
        activeSet?.deallocate(); newton?.deallocate()
    }
}
