import ai.osvi.it.GithubOutputFile
import ai.osvi.it.GitlabDotenvFile
import com.fasterxml.jackson.databind.ObjectMapper
import javax.xml.parsers.DocumentBuilderFactory

def log = new File(basedir, 'build.log').text
def lines = log.readLines()
assert log =~ /Campaign 7 "IT renewals \(stalls\)": 1\/3 queues completed, \d+ polls, 0 errors, [8-9]s/ : 'campaign line missing'
assert log =~ /(?m)^\[INFO\]   failed\s+5%\s+<= 10%\s+held so far$/ : 'the rule judged on the last snapshot must still be shown'
assert lines.contains('[WARNING] The campaign did not complete within 8s; the rules were judged on the last snapshot (onTimeout=evaluate).') : 'warning that the campaign did not complete missing'
assert lines.contains('[WARNING] The rules held on the last snapshot, but the campaign did not complete, so this is not a PASS: the build goes on with a warning because onTimeout=evaluate. Raise timeout (-Dosvi.timeout) to judge the completed campaign.') : 'why this is no PASS missing'
assert lines.contains('[WARNING] OSVI gate: TIMEOUT campaign 7: did not complete within 8s; 1 of 1 rule held on the last snapshot (40 calls)') : 'verdict line must be a TIMEOUT WARNING'
assert !log.contains('OSVI gate: PASS') : 'a campaign that did not complete must never read PASS in the log'
assert log.contains('BUILD SUCCESS')

def json = new ObjectMapper().readTree(new File(basedir, 'target/osvi/campaign-7.json'))
assert json.get('verdict').asText() == 'TIMEOUT'
assert json.get('buildOutcome').asText() == 'WARN'
assert json.get('rules').collect { it.get('rule').asText() + ' ' + it.get('result').asText() } == ['failed <= 10% HELD_SO_FAR'] : 'the JSON report must keep the rules judged'

def suite = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new File(basedir, 'target/osvi/TEST-osvi-campaign-7.xml')).documentElement
assert suite.getAttribute('failures') == '1' : 'the JUnit suite must not read as passed'
def completion = suite.getElementsByTagName('testcase').item(0)
assert completion.getElementsByTagName('failure').item(0).getAttribute('type') == 'TIMED_OUT'
assert suite.getElementsByTagName('testcase').item(1).getAttribute('name') == 'failed <= 10%'

def dotenv = GitlabDotenvFile.read(new File(basedir, 'target/osvi/osvi.env').toPath())
assert dotenv['OSVI_VERDICT'] == 'TIMEOUT' && dotenv['OSVI_BUILD_OUTCOME'] == 'WARN' : "osvi.env read back: ${dotenv}"
def outputs = GithubOutputFile.read(new File(basedir, 'target/github-output.txt').toPath())
assert outputs['verdict'] == 'TIMEOUT' && outputs['build-outcome'] == 'WARN' : "GITHUB_OUTPUT read back: ${outputs}"
