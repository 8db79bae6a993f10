import ai.osvi.it.GithubOutputFile
import ai.osvi.it.GitlabDotenvFile
import com.fasterxml.jackson.databind.ObjectMapper

def log = new File(basedir, 'build.log').text
def lines = log.readLines()
assert log =~ /(?m)^\[INFO\]   failed\s+5%\s+<= 1%\s+breached so far$/ : 'FAIL row judged on the last snapshot missing'
assert lines.contains('[ERROR] OSVI gate: FAIL campaign 7: 1 of 1 rule breached on 40 calls (last snapshot, not completed)') : 'summary line missing'
assert lines.contains('[ERROR]   - The campaign did not complete within 6s; the rules were judged on the last snapshot (onTimeout=evaluate).') : 'the failure must say the campaign did not complete'
assert lines.contains('[ERROR]   - failed ratio is 5%, but the maximum is 1% (so far: the remaining calls could still bring it back)') : 'breach message missing'
assert !log.contains('OSVI gate: PASS')
assert log.contains('BUILD FAILURE')

def json = new ObjectMapper().readTree(new File(basedir, 'target/osvi/campaign-7.json'))
assert json.get('verdict').asText() == 'FAIL' && json.get('buildOutcome').asText() == 'FAIL'
assert GitlabDotenvFile.read(new File(basedir, 'target/osvi/osvi.env').toPath())['OSVI_VERDICT'] == 'FAIL'
assert GithubOutputFile.read(new File(basedir, 'target/github-output.txt').toPath())['verdict'] == 'FAIL'
