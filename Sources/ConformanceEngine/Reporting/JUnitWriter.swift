import ConformanceModel
import Foundation

/// Writes the project's JUnit report: valid against the Jenkins xUnit `junit-10.xsd`, one `<testsuite>` per API and
/// one `<testcase>` per case (unique name: the case id), so Jenkins, GitLab and GitHub reporters all read it.
package enum JUnitWriter {
    package struct Options: Sendable {
        /// Adds `file`/`line` (the profile and the line of the case's first rule) to each testcase for GitHub
        /// annotations; outside junit-10.xsd, so off by default.
        package var annotations: Bool
        package init(annotations: Bool = false) { self.annotations = annotations }
    }

    package static func xml(_ report: RunReport, options: Options = Options()) -> String {
        let timestamp = ISO8601DateFormatter().string(from: report.started).replacingOccurrences(of: "Z", with: "")
        var suites: [String] = []
        var totals = (tests: 0, failures: 0, errors: 0)
        for profile in report.profiles {
            let results = report.results.filter { $0.testCase.api == profile.api }
            guard !results.isEmpty else { continue }
            let summary = APISummary(
                profile: profile, results: results, target: report.targetLabels[profile.api] ?? "not configured")
            let time = results.reduce(0) { $0 + $1.seconds }
            totals.tests += results.count
            totals.failures += summary.failed
            totals.errors += summary.errors
            var lines = [
                "  <testsuite name=\(attr(profile.api)) tests=\"\(results.count)\" failures=\"\(summary.failed)\" errors=\"\(summary.errors)\" skipped=\"\(summary.skipped + summary.known)\" time=\"\(Numbers.seconds(time))\" timestamp=\"\(timestamp)\">"
            ]
            lines.append("    <properties>")
            let properties: [(String, String)] = [
                ("api", profile.api), ("operation", profile.operation), ("profileVersion", profile.profileVersion),
                ("target", summary.target), ("rulesExercised", "\(summary.rulesExercised)/\(summary.rules)"),
                ("errorMappingsObserved", "\(summary.errorsObserved)/\(summary.errorMappings)"),
                ("answersNotFromOperation", "\(summary.refused)/\(summary.run)"),
                ("casesWithWarnings", "\(summary.warned)"), ("warnings", "\(summary.warnings)"),
            ]
            lines += properties.map { "      <property name=\(attr($0.0)) value=\(attr($0.1))/>" }
            lines.append("    </properties>")
            let profileLines = options.annotations ? ProfileLines(profile: profile) : nil
            lines += results.map { testcase($0, profile: profile, lines: profileLines) }
            lines.append("  </testsuite>")
            suites.append(lines.joined(separator: "\n"))
        }
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <testsuites name="AsyncStatusConformance" tests="\(totals.tests)" failures="\(totals.failures)" errors="\(totals.errors)" time="\(Numbers.seconds(report.seconds))">
            \(suites.joined(separator: "\n"))
            </testsuites>

            """
    }

    /// `lines` is present when the annotation flavour was asked for.
    private static func testcase(_ result: CaseResult, profile: Profile, lines: ProfileLines?) -> String {
        let item = result.testCase
        let classname = "\(profile.api).\(profile.operation).\(item.family.rawValue)"
        var open =
            "    <testcase name=\(attr(item.id)) classname=\(attr(classname)) time=\"\(Numbers.seconds(result.seconds))\""
        if let lines {
            open += " file=\(attr(lines.file)) line=\"\(lines.line(of: item.covers.first ?? ""))\""
        }
        var body: [String] = []
        switch result.verdict {
        case .pass:
            break
        case .passWithWarnings(let warnings):
            // junit-10.xsd has no warning element: the testcase passes and says what it warns about on system-err.
            body.append("      <system-err>\(text(warnings.map(\.line).joined(separator: "\n")))</system-err>")
        case .divergenceNotObserved(let reason):
            body.append(
                "      <system-err>\(text("listed as a known divergence (\(reason)) but passed: remove it from the target config"))</system-err>"
            )
        case .fail(let failures):
            let first = failures[0]
            let message =
                "\(first.rule): expected \(first.expected); got \(first.actual)"
                + (failures.count > 1 ? " (+\(failures.count - 1) more)" : "")
            body.append(
                "      <failure message=\(attr(message)) type=\(attr(first.kind.rawValue))>\(text(result.explanation))</failure>"
            )
        case .error(let reason):
            body.append("      <error message=\(attr(reason)) type=\"transport\">\(text(result.explanation))</error>")
        case .skip(let reason):
            body.append("      <skipped message=\(attr(reason))/>")
        case .knownDivergence(let reason, _):
            body.append(
                "      <skipped message=\(attr("known divergence: \(reason)"))>\(text(result.explanation))</skipped>")
        }
        if !result.verdict.isFailure {
            // Maven Surefire's form, which junit-10.xsd allows: a passing testcase with each failed attempt before it.
            for attempt in result.flakyAttempts {
                body.append(
                    "      <flakyFailure message=\(attr(attempt.message)) type=\"flaky\">\(text(attempt.explanation))</flakyFailure>"
                )
            }
        }
        if !result.transcript.isEmpty {
            body.append(
                "      <system-out>\(text(item.summary + "\n" + (result.curl.map { "reproduce: \($0)\n" } ?? "") + "\n" + result.transcript))</system-out>"
            )
        }
        return body.isEmpty ? open + "/>" : open + ">\n" + body.joined(separator: "\n") + "\n    </testcase>"
    }

    /// XML 1.0 cannot carry most control characters at all, escaped or not: they are dropped.
    static func clean(_ value: String) -> String {
        String(
            String.UnicodeScalarView(
                value.unicodeScalars.filter { scalar in
                    switch scalar.value {
                    case 0x9, 0xA, 0xD: return true
                    case 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: return true
                    default: return false
                    }
                }))
    }

    static func text(_ value: String) -> String {
        XMLText.escape(clean(value))
    }

    static func attr(_ value: String) -> String {
        "\""
            + text(value).replacingOccurrences(of: "\n", with: "&#10;")
            .replacingOccurrences(of: "\r", with: "&#13;").replacingOccurrences(of: "\t", with: "&#9;") + "\""
    }
}
