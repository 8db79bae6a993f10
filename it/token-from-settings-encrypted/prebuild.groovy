// settings.security takes an absolute path, and where the IT is cloned to is known only now.
new File(basedir, '.mvn/maven.config') << "-Dsettings.security=${new File(itFixtures, 'settings-security.xml').absolutePath}\n"
ai.osvi.it.ItSimulator.start(basedir, context, new File(itFixtures, 'quick-pass.json'), 'itTokenServer001')
true
