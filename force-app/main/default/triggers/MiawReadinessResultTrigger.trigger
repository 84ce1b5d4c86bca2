trigger MiawReadinessResultTrigger on Miaw_Readiness_Result__c(before insert, before update, before delete) {
    MiawReadinessTriggerHandler.handleResults(
        Trigger.operationType,
        (List<Miaw_Readiness_Result__c>) Trigger.new,
        (Map<Id, Miaw_Readiness_Result__c>) Trigger.oldMap
    );
}
