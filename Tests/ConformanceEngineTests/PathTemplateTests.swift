import Testing

@testable import ConformanceEngine

@Suite("Path templates filled as the request is sent")
struct PathTemplateTests {
    @Test(
        "placeholders percent-encoded, greedy ones segment by segment, unknown or unclosed ones kept as written",
        arguments: [
            ("/v1/spaces/{space}/runs/{id}", ["space": "My Space", "id": "a/b"], "/v1/spaces/My%20Space/runs/a%2Fb"),
            ("/objects/{key+}", ["key": "a b/c/é"], "/objects/a%20b/c/%C3%A9"),
            ("/{a}{b}", ["a": "x", "b": "y"], "/xy"),
            ("/{missing}/{also+}/{known}", ["known": "k"], "/{missing}/{also+}/k"),
            ("/open{brace", [:], "/open{brace"),
            ("/{a{b}", ["a{b": "v"], "/v"),
            ("/{}", [:], "/{}"),
            ("", ["x": "y"], ""),
        ] as [(String, [String: String], String)])
    func filled(_ example: (template: String, values: [String: String], path: String)) {
        #expect(PathTemplate(example.template).filled(with: example.values) == example.path)
    }
}
