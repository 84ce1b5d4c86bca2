trigger MiawReadinessRunTrigger on Miaw_Readiness_Run__c(before insert, before update, before delete) {
    MiawReadinessTriggerHandler.handleRuns(
        Trigger.operationType,
        (List<Miaw_Readiness_Run__c>) Trigger.new,
        (Map<Id, Miaw_Readiness_Run__c>) Trigger.oldMap
    );
}
