import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def lines = log.readLines()
assert lines.contains('[INFO] Reading the baseline, campaign 41 (baselineCampaignId), once: rules failed <= baseline + 1%, picked >= baseline - 2%')
assert lines.contains('[INFO] Baseline campaign 41: completed, 1000 calls; failed 5.1%, picked 80%; limits: failed <= baseline 5.1% + 1% = 6.1%, picked >= baseline 80% - 2% = 78%')
assert log =~ /(?m)^\[INFO\]   failed\s+7.2%  <= baseline 5.1% \+ 1% = 6.1%  breached$/ : 'the rule table shows the baseline beside the limit'
assert log =~ /(?m)^\[INFO\]   picked\s+79%  >= baseline 80% - 2% = 78%\s+held$/
assert lines.contains('[ERROR] OSVI gate: FAIL campaign 7: 1 of 2 rules breached on 500 calls')
assert lines.contains('[ERROR]   - failed ratio is 7.2%, but the maximum is baseline 5.1% + 1% = 6.1%')

def report = new JsonSlurper().parse(new File(basedir, 'target/osvi/campaign-7.json'))
assert report.verdict == 'FAIL'
assert report.baseline.campaignId == 41
assert report.baseline.snapshot.calls.total == 1000
def failed = report.rules.find { it.rule == 'failed <= baseline + 1%' }
assert failed.limitText == 'baseline 5.1% + 1% = 6.1%'
assert failed.baseline.ratioText == '5.1%'
assert failed.result == 'BREACHED'

def junit = new File(basedir, 'target/osvi/TEST-osvi-campaign-7.xml').text
assert junit.contains('failed ratio is 7.2%, but the maximum is baseline 5.1% + 1% = 6.1%')

def chart = ai.osvi.it.ChartFile.read(new File(basedir, 'target/osvi/campaign-7.svg'))
assert chart.texts().contains('Rule failed <= baseline + 1%')
assert chart.texts().contains('7.2% (limit baseline 5.1% + 1% = 6.1%)') : chart.texts()
