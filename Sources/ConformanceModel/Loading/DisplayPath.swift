import Foundation

/// A file's path as a reader (and a GitHub annotation) wants it: relative to the working directory when the file is
/// under it (`Conformance/xsd/cloudcontrol-query.xsd`), absolute otherwise.
public enum DisplayPath {
    public static func of(_ url: URL) -> String {
        let path = url.standardizedFileURL.path
        let here = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).standardizedFileURL.path
        let prefix = here.hasSuffix("/") ? here : here + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }
}
