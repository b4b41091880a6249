import ArmKit
#if canImport(Glibc)
import Glibc
#endif

/// Bench cases of the pictures, one call each:
/// - `landscape_grid`: L over a 256×256 grid of two joints (65,536 points; compare with 65,536 × fk);
/// - `plot_rows`: 10,000 rows of a CSV read and reduced as `armsim plot` does (see `PictureBenchPlotInput`);
/// - `workspace_samples`: 7,000,000 / n joint-space samples (10⁶ at n = 7) binned with manipulability, on every
///   core; `workspace_samples_1core` the same on one worker, so the speed-up is a ratio within one run.
enum PictureBench {
    static func workloads(arm: PlanarArm, initial: [Double], scenario: Scenario) -> [BenchWorkload] {
        let n = arm.jointCount
        let target = arm.tip(initial.map { $0 + 0.3 })
        let pair = (max(0, n - 2), n - 1)
        let cores = BatchWorkers.coreCount
        var sampler = WorkspaceSampler(arm: arm)
        sampler.samples = max(1, 7_000_000 / n)
        sampler.resolution = 256
        guard n >= 2, let plotInput = try? PictureBenchPlotInput(scenario: scenario, rows: max(100, 70_000 / n)) else { return [] }
        var center = initial
        return [
            BenchWorkload("landscape_grid") { count in
                var acc = 0.0
                for _ in 0..<count {
                    center[0] += 1e-12
                    let slice = LossSlice(arm: arm, task: .position, target: target, center: center, joints: pair)
                    let grid = LossGrid(slice: slice, xJoint: pair.0, yJoint: pair.1, range: .pi, resolution: 256)
                    acc += grid.maximum + grid.values[12_345]
                }
                return acc
            },
            plotInput.workload,
            BenchWorkload("workspace_samples") { count in
                (0..<count).reduce(0.0) { acc, _ in acc + (sampler.run(workers: cores).valueRange?.max ?? 0) }
            },
            BenchWorkload("workspace_samples_1core") { count in
                (0..<count).reduce(0.0) { acc, _ in acc + (sampler.run(workers: 1).valueRange?.max ?? 0) }
            },
        ]
    }
}
