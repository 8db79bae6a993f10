import java.nio.file.Files
import java.nio.file.attribute.FileTime
import java.time.Instant

// What an earlier build in the same workspace left behind: an old failure of another campaign, and a file of the
// user's that only looks old.
def reports = new File(basedir, 'target/osvi')
reports.mkdirs()
def old = FileTime.from(Instant.parse('2026-01-15T09:00:00Z'))
[
    'TEST-osvi-campaign-99.xml': '<testsuite name="osvi.campaign.99" tests="1" failures="1" errors="0" skipped="0">'
            + '<testcase name="failed &lt;= 5%"><failure message="failed ratio is 30%, but the maximum is 5%"/>'
            + '</testcase></testsuite>\n',
    'campaign-99.json'         : '{"campaignId": 99, "verdict": "FAIL"}\n',
    'campaign-99.svg'          : '<svg xmlns="http://www.w3.org/2000/svg"><title>campaign 99: FAIL</title></svg>\n',
    'notes.txt'                : 'kept by the user\n',
].each { name, content ->
    def file = new File(reports, name)
    file.text = content
    Files.setLastModifiedTime(file.toPath(), old)
}
true
