/// What a real service's router answers when a path value changes the route (an empty segment, an encoded `/`, a dot
/// segment): 404 in the API's own protocol (`APIHandler.routerNotFound`), before the operation and its validator
/// ever run.
enum RouterNotFound {
    static func changesRoute(_ request: WireRequest) -> Bool {
        request.segments.contains { $0.isEmpty || $0 == "." || $0 == ".." || $0.lowercased().contains("%2f") }
    }
}
