import ArgumentParser
import DeriveDriver
import Foundation

/// `derive pdf`: the whole course as one PDF, printed from the site's `print.html`.
struct PDFCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pdf",
        abstract: "Build the site, then print its whole-course page (print.html) into one PDF with headless Chromium.",
        discussion: """
            The site is built as `derive build` builds it (what did not change is reused from the \
            build cache); with --no-build, the site already written is printed as it is. The \
            PDF's links (to equations, figures, code and sections, across notes) lead inside it. \
            Needs Chromium (Debian's chromium package).

            Example:
              derive pdf --output course.pdf
            """)

    @OptionGroup var options: CourseOptions
    @OptionGroup var site: SiteOptions

    @Option(name: [.short, .long], help: ArgumentHelp("The PDF to write (default: the course's folder name with .pdf, in the course's folder).", valueName: "file"))
    var output: String?

    @Flag(name: .long, help: "Print the site already written, without building it.")
    var noBuild = false

    func run() throws {
        let console = options.console()
        guard options.openCourse(site: site.site).configuration.print else {
            throw console.fail("derive.yml turns the whole-course page off (print: false), and the PDF is printed from it")
        }
        let printer: PDFPrinter
        do { printer = try PDFPrinter.find() } catch { throw console.fail("\(error)") }
        let course = noBuild ? options.openCourse(site: site.site) : try CourseRun.run(.build, options: options, site: site)
        let file = output.map { URL(fileURLWithPath: $0) } ?? course.root.appendingPathComponent(course.root.lastPathComponent + ".pdf")
        let started = ContinuousClock.now
        do { try printer.print(site: course.siteDirectory, to: file) } catch { throw console.fail("\(error)") }
        let seconds = (ContinuousClock.now - started) / .seconds(1)
        console.say("pdf      \(file.path) (\(String(format: "%.2f", seconds)) s)")
    }
}
