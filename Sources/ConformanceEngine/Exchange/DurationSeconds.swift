extension Duration {
    /// In seconds, as reports and rates count time.
    package var inSeconds: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}
