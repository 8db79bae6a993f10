import ai.osvi.it.GithubOutputFile
import ai.osvi.it.GitlabDotenvFile

ai.osvi.it.ItSimulator.stop(context) // also: the token is in no file under target, these two included
def log = new File(basedir, 'build.log').text
assert log.readLines().contains('[ERROR] OSVI gate: FAIL campaign 7: 1 of 1 rule breached on 200 calls') : 'summary line missing'

// The name's line breaks are escaped where the answer is read, so the attack does not even reach a line of its own;
// and were it to, the multi-line syntax would keep it inside campaign-name: verdict stays FAIL
def githubOutput = new File(basedir, 'target/github-output.txt')
assert !githubOutput.readLines().contains('verdict=PASS')
def outputs = GithubOutputFile.read(githubOutput.toPath())
assert outputs['verdict'] == 'FAIL' && outputs['build-outcome'] == 'FAIL' : "outputs read back: ${outputs}"
assert outputs['campaign-name'] == 'x\\u000averdict=PASS\\u000aOSVI_VERDICT=PASS' : "campaign-name: ${outputs['campaign-name']}"
assert !log.readLines().any { it.startsWith('verdict=PASS') || it.startsWith('OSVI_VERDICT=PASS') } : 'a forged line in the build log'
assert GithubOutputFile.parse(githubOutput.text).count { it.name() == 'verdict' } == 1
// status keys give ratio-<key> names only; "not picked" and "not_picked" would share one, so neither is written
assert outputs['ratio-verdict'] == '0.1' && outputs.find { it.key.startsWith('ratio-y_') }?.value == '0' && outputs['ratio-failed'] == '0.3'
assert !outputs.containsKey('ratio-not_picked')
assert outputs.keySet().every { it ==~ /[a-z0-9_-]+/ }
assert log.contains('[WARNING] GitHub output ratio-not_picked left out: the by_status keys "not picked" and "not_picked"'
        + ' give the same name (the JSON report has their counts).')

// osvi.env: one variable a line, the name flattened into one harmless value, OSVI_VERDICT written once
def dotenv = new File(basedir, 'target/osvi/osvi.env')
def variables = GitlabDotenvFile.read(dotenv.toPath())
assert variables['OSVI_VERDICT'] == 'FAIL' && variables['OSVI_BUILD_OUTCOME'] == 'FAIL'
assert variables['OSVI_CAMPAIGN_NAME'] ==~ /x[^=\n]*OSVI_VERDICT_PASS/ : "OSVI_CAMPAIGN_NAME: ${variables['OSVI_CAMPAIGN_NAME']}"
assert dotenv.readLines().count { it.startsWith('OSVI_VERDICT=') } == 1
assert variables['OSVI_RATIO_VERDICT'] == '0.1' && !variables.containsKey('OSVI_RATIO_NOT_PICKED')
assert log.contains('[WARNING] osvi.env: OSVI_RATIO_NOT_PICKED left out: the by_status keys "not picked" and'
        + ' "not_picked" give the same name (the JSON report has their counts).')
// the verdict stays the last line of the goal, after those warnings
def lines = log.readLines()
assert lines.findLastIndexOf { it == '[ERROR] OSVI gate: FAIL campaign 7: 1 of 1 rule breached on 200 calls' } ==
        lines.findLastIndexOf { it.startsWith('[WARNING] GitHub output ratio-not_picked left out') } + 1
assert log.contains('BUILD FAILURE')
