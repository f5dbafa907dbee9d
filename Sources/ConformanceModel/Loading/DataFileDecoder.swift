import Foundation

/// Decodes a data file and turns Foundation's decoding errors into `ConfigurationError`s that name the field.
enum DataFileDecoder {
    static func decode<T: Decodable>(_ type: T.Type, from data: Data, file: String) throws -> T {
        do {
            return try JSONDecoder().decode(type, from: data)
        } catch let error as DecodingError {
            throw describe(error, file: file)
        } catch {
            throw ConfigurationError(file: file, field: "", reason: "is not valid JSON (\(error.localizedDescription))")
        }
    }

    static func read(_ url: URL) throws -> Data {
        do {
            return try Data(contentsOf: url)
        } catch {
            throw ConfigurationError(
                file: url.path, field: "", reason: "cannot be read (\(error.localizedDescription))")
        }
    }

    private static func describe(_ error: DecodingError, file: String) -> ConfigurationError {
        switch error {
        case .keyNotFound(let key, let context):
            return ConfigurationError(
                file: file, field: path(context.codingPath + [key]), reason: "is required but missing")
        case .typeMismatch(let type, let context):
            return ConfigurationError(file: file, field: path(context.codingPath), reason: "must be \(name(of: type))")
        case .valueNotFound(let type, let context):
            return ConfigurationError(
                file: file, field: path(context.codingPath), reason: "must be \(name(of: type)), found null")
        case .dataCorrupted(let context):
            let underlying = (context.underlyingError as NSError?)?.userInfo[NSDebugDescriptionErrorKey] as? String
            let reason =
                context.codingPath.isEmpty
                ? "is not valid JSON\(underlying.map { " (\($0))" } ?? "")"
                : context.debugDescription
            return ConfigurationError(file: file, field: path(context.codingPath), reason: reason)
        @unknown default:
            return ConfigurationError(file: file, field: "", reason: "\(error)")
        }
    }

    static func path(_ keys: [any CodingKey]) -> String {
        keys.reduce(into: "") { result, key in
            if let index = key.intValue {
                result += "[\(index)]"
            } else {
                result += result.isEmpty ? key.stringValue : ".\(key.stringValue)"
            }
        }
    }

    private static func name(of type: Any.Type) -> String {
        switch type {
        case is String.Type: return "a string"
        case is Int.Type, is Double.Type: return "a number"
        case is Bool.Type: return "true or false"
        case is [Any].Type: return "an array"
        default:
            let text = "\(type)"
            if text.hasPrefix("Array") { return "an array" }
            if text.hasPrefix("Dictionary") { return "an object" }
            return "a \(text)"
        }
    }
}
