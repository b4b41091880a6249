extension Duration {
    /// The duration in seconds, as the reports print it.
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) * 1e-18 }
}

extension ContinuousClock.Instant {
    /// Seconds from this instant until now (wall time of a run, a batch, a sampling).
    var secondsUntilNow: Double { duration(to: .now).seconds }
}
