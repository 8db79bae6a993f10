import ai.osvi.it.WorkflowCommand

def log = new File(basedir, 'build.log')
def commands = WorkflowCommand.in(log.readLines('UTF-8'))
println "workflow commands: ${commands}"
assert commands.size() == 1 : "one annotation, for the one campaign: ${commands}"
def annotation = commands[0]
assert annotation.command() == 'error' : 'the build fails: an error annotation'
assert annotation.properties() == [title: 'OSVI gate: FAIL campaign 7']
def lines = annotation.data().readLines()
assert lines[0] == '1 of 1 rule breached on 200 calls'
assert lines.contains('failed ratio is 30%, but the maximum is 5%') : "the breached rule with its value and limit: ${lines}"
