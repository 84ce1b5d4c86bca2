trigger AcmeCaseTrigger on Case(before insert) {
    AcmeCaseDefaults.apply(Trigger.new);
}
