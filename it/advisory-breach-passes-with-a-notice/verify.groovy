import ai.osvi.it.WorkflowCommand

def log = new File(basedir, 'build.log').text
assert log.readLines().contains('[INFO] OSVI gate: PASS campaign 7: 1 of 1 rule passed on 200 calls; advisory: 1 of 1 breached')
assert log.contains('advisory, breached')
assert log.contains('BUILD SUCCESS')

def commands = WorkflowCommand.in(log.readLines())
assert commands.size() == 1 : "${commands}"
assert commands[0].command() == 'notice'
assert commands[0].properties().title == 'OSVI gate: PASS campaign 7, advisory rule breached'
assert commands[0].data().contains('advisory, breached: failed ratio is 4.5%, but the maximum is 2%')

def junit = new XmlSlurper().parse(new File(basedir, 'target/osvi/TEST-osvi-campaign-7.xml'))
assert junit.@failures.text() == '0'
def advisoryCase = junit.testcase.find { it.@name.text() == 'failed <= 2% (advisory)' }
assert advisoryCase.'system-out'.text().startsWith('advisory, breached: failed ratio is 4.5%')
