/// A profile or target configuration that cannot be used, said so that the user can fix it:
/// which file, which field, and why.
public struct ConfigurationError: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    /// Dotted path to the field (`inputs[2].constraints[0].pattern`); empty for the whole file.
    public var field: String
    public var reason: String

    public init(file: String, field: String, reason: String) {
        self.file = file
        self.field = field
        self.reason = reason
    }

    public var description: String {
        field.isEmpty ? "\(file): \(reason)" : "\(file): \(field): \(reason)"
    }
}
