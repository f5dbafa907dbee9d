import ConformanceModel
import Foundation
import TestFixtures

@testable import ConformanceEngine

extension Fixtures {
    static func answer(
        status: Int = 200, contentType: String? = "application/json", body: String, headers: [(String, String)] = []
    ) -> Answer {
        var all = headers.map { (name: $0.0, value: $0.1) }
        if let contentType { all.append(("Content-Type", contentType)) }
        return Answer(status: status, headers: all, body: Array(body.utf8), seconds: 0.01)
    }
}
