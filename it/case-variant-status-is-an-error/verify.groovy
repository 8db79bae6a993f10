import ai.osvi.it.GithubOutputFile
import ai.osvi.it.GitlabDotenvFile
import com.fasterxml.jackson.databind.ObjectMapper

def log = new File(basedir, 'build.log').text
def lines = log.readLines()
assert lines.contains("[ERROR] OSVI gate: ERROR campaign 7: the API reported a status of a rule in another spelling: 'Failed' for 'failed'") : 'verdict line missing'
assert lines.contains("[ERROR]   - Rule 'failed <= 5%' (maxFailureRatio) names the status 'failed'; the API reported 'Failed' (50 calls),"
        + " which could be the same status (it differs by case, '_', '-', '.', spaces, invisible or look-alike characters, or a typo). A rule counts only the spellings it names, so these calls would count as 0."
        + " Name the status as the API does: failureStatuses=Failed. If it is a different status, name it in a rule of its own to say so."
        + " Statuses reported: picked, Failed.") : 'message naming both spellings missing'
assert !log.contains('OSVI gate: PASS') : 'calls counted as 0 by their spelling must never pass'
assert !(log =~ /failed\s+0%\s+<= 5%/) : 'no rule may be judged on a count of 0'
assert log.contains('BUILD FAILURE')

def json = new ObjectMapper().readTree(new File(basedir, 'target/osvi/campaign-7.json'))
assert json.get('verdict').asText() == 'ERROR' && json.get('rules').size() == 0
assert GitlabDotenvFile.read(new File(basedir, 'target/osvi/osvi.env').toPath())['OSVI_VERDICT'] == 'ERROR'
assert GithubOutputFile.read(new File(basedir, 'target/github-output.txt').toPath())['verdict'] == 'ERROR'
