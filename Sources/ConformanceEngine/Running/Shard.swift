import ConformanceModel

/// One of n deterministic parts of the cases (`--shard i/n`, `CONFORMANCE_SHARD=i/n`): a case belongs to the shard
/// its id hashes to (FNV-1a, stable across runs, machines and Swift versions), so n parallel jobs run every case
/// exactly once and `conformance report --merge` joins their reports into the one an unsharded run writes.
package struct Shard: Sendable, Hashable, CustomStringConvertible {
    package let index: Int
    package let count: Int

    /// `i/n` with 1 ≤ i ≤ n; `field` names where the text came from in the error.
    package init(parsing text: String, field: String) throws {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]), count >= 1,
            (1...count).contains(index)
        else {
            throw ConfigurationError(file: field, field: "", reason: "'\(text)' is not a shard i/n with 1 ≤ i ≤ n")
        }
        self.index = index
        self.count = count
    }

    package var description: String { "\(index)/\(count)" }

    package func contains(_ id: String) -> Bool {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in id.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01b3
        }
        return Int(hash % UInt64(count)) == index - 1
    }
}
