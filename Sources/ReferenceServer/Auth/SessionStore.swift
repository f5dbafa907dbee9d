import Foundation

/// CenturyLink session cookies issued by `/REST/Auth/Logon`.
actor SessionStore {
    private var issued: Set<String> = []

    func issue() -> String {
        let value = UUID().uuidString
        issued.insert(value)
        return value
    }

    func contains(_ value: String) -> Bool { issued.contains(value) }
}
