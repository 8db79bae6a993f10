import ai.osvi.it.GithubOutputFile
import ai.osvi.it.GitlabDotenvFile

def log = new File(basedir, 'build.log').text
assert log.readLines().contains('[ERROR] OSVI gate: FAIL campaign 7: 1 of 1 rule breached on 200 calls') : 'summary line missing'

// read as the runner reads it, the multi-line syntax included
def githubOutput = new File(basedir, 'target/github-output.txt')
println "GITHUB_OUTPUT:\n${githubOutput.text}"
def outputs = GithubOutputFile.read(githubOutput.toPath())
def reports = new File(basedir, 'target/osvi')
assert outputs.keySet() as List == ['verdict', 'build-outcome', 'summary', 'campaign-name', 'calls-total', 'ratio-picked',
        'ratio-not_picked', 'ratio-failed', 'report-json', 'report-junit'] : "outputs read back: ${outputs}"
assert outputs.subMap(outputs.keySet() - ['report-json', 'report-junit']) == [
        'verdict'         : 'FAIL',
        'build-outcome'   : 'FAIL',
        'summary'         : 'OSVI gate: FAIL campaign 7: 1 of 1 rule breached on 200 calls',
        'campaign-name'   : 'Simulated renewals (failing)',
        'calls-total'     : '200',
        'ratio-picked'    : '0.55',
        'ratio-not_picked': '0.15',
        'ratio-failed'    : '0.3',
] : "outputs read back: ${outputs}"
// absolute paths, for actions/upload-artifact and test reporters
assert new File(outputs['report-json']).absolute
assert new File(outputs['report-json']).canonicalPath == new File(reports, 'campaign-7.json').canonicalPath
assert new File(outputs['report-junit']).canonicalPath == new File(reports, 'TEST-osvi-campaign-7.xml').canonicalPath
assert new File(outputs['report-json']).isFile() && new File(outputs['report-junit']).isFile()

// read as GitLab reads a dotenv report, refusing it where GitLab would
def dotenv = new File(basedir, 'target/osvi/osvi.env')
println "osvi.env:\n${dotenv.text}"
assert dotenv.text == '''OSVI_VERDICT=FAIL
OSVI_BUILD_OUTCOME=FAIL
OSVI_CAMPAIGN_ID=7
OSVI_CALLS_TOTAL=200
OSVI_RATIO_PICKED=0.55
OSVI_RATIO_NOT_PICKED=0.15
OSVI_RATIO_FAILED=0.3
OSVI_CAMPAIGN_NAME=Simulated renewals (failing)
'''
assert GitlabDotenvFile.read(dotenv.toPath())['OSVI_VERDICT'] == 'FAIL'
// the same values as the JSON report
assert new File(outputs['report-json']).text.contains('"verdict" : "FAIL"')
assert log.contains('BUILD FAILURE')
