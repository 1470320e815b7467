import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1795841451003 implements MigrationInterface {
  name = 'Initial1795841451003';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`outbox_event\` (\`seq\` int NOT NULL AUTO_INCREMENT, \`eventId\` varchar(36) NOT NULL, \`subject\` varchar(200) NOT NULL, \`envelope\` text NOT NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`publishedAt\` datetime NULL, \`attempts\` int NOT NULL DEFAULT '0', \`lastError\` varchar(500) NULL, UNIQUE INDEX \`ux_outbox_event_id\` (\`eventId\`), INDEX \`ix_outbox_pending\` (\`publishedAt\`, \`seq\`), PRIMARY KEY (\`seq\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`processed_event\` (\`eventId\` varchar(36) NOT NULL, \`consumer\` varchar(100) NOT NULL, \`processedAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), PRIMARY KEY (\`eventId\`, \`consumer\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`lks_institution\` (\`id\` int NOT NULL AUTO_INCREMENT, \`unitCode\` varchar(40) NOT NULL, \`name\` varchar(200) NOT NULL, \`kind\` varchar(30) NOT NULL, \`province\` varchar(100) NOT NULL, \`regency\` varchar(100) NOT NULL, INDEX \`ix_lks_institution_unit\` (\`unitCode\`, \`id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`accreditation_assessment\` (\`id\` int NOT NULL AUTO_INCREMENT, \`unitCode\` varchar(40) NOT NULL, \`year\` int NOT NULL, \`institutionId\` int NOT NULL, \`visitDate\` date NOT NULL, \`assessorTeam\` text NOT NULL, \`result\` varchar(20) NOT NULL, \`decidedOn\` date NOT NULL, INDEX \`ix_accreditation_unit_year\` (\`unitCode\`, \`year\`, \`id\`), UNIQUE INDEX \`ux_accreditation_institution_year\` (\`institutionId\`, \`year\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`accreditation_target\` (\`unitCode\` varchar(40) NOT NULL, \`year\` int NOT NULL, \`institutions\` int NOT NULL, PRIMARY KEY (\`unitCode\`, \`year\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`atensi_case\` (\`id\` int NOT NULL AUTO_INCREMENT, \`unitCode\` varchar(40) NOT NULL, \`year\` int NOT NULL, \`serviceType\` varchar(40) NOT NULL, \`receivedOn\` date NOT NULL, \`province\` varchar(100) NOT NULL, \`regency\` varchar(100) NOT NULL, \`description\` varchar(300) NULL, \`status\` varchar(10) NOT NULL, \`closedOn\` date NULL, \`served\` tinyint NULL, \`peopleServed\` int NULL, INDEX \`ix_atensi_case_unit_year\` (\`unitCode\`, \`year\`, \`id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`certification_candidate\` (\`id\` int NOT NULL AUTO_INCREMENT, \`unitCode\` varchar(40) NOT NULL, \`year\` int NOT NULL, \`name\` varchar(200) NOT NULL, \`category\` varchar(20) NOT NULL, \`originProvince\` varchar(100) NOT NULL, \`originRegency\` varchar(100) NOT NULL, INDEX \`ix_cert_candidate_unit_year\` (\`unitCode\`, \`year\`, \`id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`certification_session\` (\`id\` int NOT NULL AUTO_INCREMENT, \`unitCode\` varchar(40) NOT NULL, \`year\` int NOT NULL, \`name\` varchar(200) NOT NULL, \`province\` varchar(100) NOT NULL, \`regency\` varchar(100) NOT NULL, \`startDate\` date NOT NULL, \`endDate\` date NOT NULL, INDEX \`ix_cert_session_unit_year\` (\`unitCode\`, \`year\`, \`id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`certification_assessment\` (\`id\` int NOT NULL AUTO_INCREMENT, \`unitCode\` varchar(40) NOT NULL, \`year\` int NOT NULL, \`sessionId\` int NOT NULL, \`candidateId\` int NOT NULL, \`result\` varchar(20) NOT NULL, \`assessedOn\` date NOT NULL, INDEX \`ix_cert_assessment_candidate\` (\`candidateId\`), INDEX \`ix_cert_assessment_unit_year\` (\`unitCode\`, \`year\`, \`id\`), UNIQUE INDEX \`ux_cert_assessment_session_candidate\` (\`sessionId\`, \`candidateId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`unit\` (\`code\` varchar(40) NOT NULL, \`name\` varchar(200) NOT NULL, \`address\` varchar(300) NULL, \`region\` varchar(100) NULL, PRIMARY KEY (\`code\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`work_area_province\` (\`id\` int NOT NULL AUTO_INCREMENT, \`unitCode\` varchar(40) NOT NULL, \`position\` int NOT NULL, \`province\` varchar(100) NOT NULL, \`regencies\` int NOT NULL, \`cities\` int NOT NULL, \`districts\` int NOT NULL, \`villages\` int NOT NULL, UNIQUE INDEX \`ux_work_area_unit_province\` (\`unitCode\`, \`province\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`staff_count\` (\`id\` int NOT NULL AUTO_INCREMENT, \`unitCode\` varchar(40) NOT NULL, \`employment\` varchar(10) NOT NULL, \`gender\` varchar(10) NOT NULL, \`count\` int NOT NULL, UNIQUE INDEX \`ux_staff_count\` (\`unitCode\`, \`employment\`, \`gender\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`campus\` (\`id\` int NOT NULL AUTO_INCREMENT, \`unitCode\` varchar(40) NOT NULL, \`position\` int NOT NULL, \`name\` varchar(100) NOT NULL, \`address\` varchar(300) NOT NULL, \`areaSquareMeters\` int NOT NULL, \`note\` varchar(300) NULL, UNIQUE INDEX \`ux_campus_unit_name\` (\`unitCode\`, \`name\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`facility\` (\`id\` int NOT NULL AUTO_INCREMENT, \`campusId\` int NOT NULL, \`position\` int NOT NULL, \`kind\` varchar(150) NOT NULL, \`count\` int NOT NULL, \`condition\` varchar(12) NOT NULL, \`capacity\` varchar(60) NULL, INDEX \`ix_facility_campus\` (\`campusId\`, \`position\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`staff_job_count\` (\`id\` int NOT NULL AUTO_INCREMENT, \`unitCode\` varchar(40) NOT NULL, \`position\` int NOT NULL, \`employment\` varchar(10) NOT NULL, \`job\` varchar(100) NOT NULL, \`count\` int NOT NULL, UNIQUE INDEX \`ux_staff_job_count\` (\`unitCode\`, \`employment\`, \`job\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`training_class\` (\`id\` int NOT NULL AUTO_INCREMENT, \`unitCode\` varchar(40) NOT NULL, \`programmeId\` int NOT NULL, \`year\` int NOT NULL, \`batch\` int NOT NULL, \`name\` varchar(150) NOT NULL, \`province\` varchar(100) NOT NULL, \`regency\` varchar(100) NOT NULL, \`startDate\` date NOT NULL, \`endDate\` date NOT NULL, \`capacity\` int NOT NULL, \`targetParticipants\` int NOT NULL, \`status\` varchar(10) NOT NULL, \`satkerCode\` varchar(10) NULL, INDEX \`ix_training_class_unit_year\` (\`unitCode\`, \`year\`), UNIQUE INDEX \`ux_training_class_batch\` (\`programmeId\`, \`year\`, \`batch\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`enrollment\` (\`id\` int NOT NULL AUTO_INCREMENT, \`unitCode\` varchar(40) NOT NULL, \`classId\` int NOT NULL, \`participantId\` int NOT NULL, \`status\` varchar(12) NOT NULL, \`registeredOn\` date NOT NULL, \`attendedOn\` date NULL, \`preTestScore\` decimal(6,2) NULL, \`postTestScore\` decimal(6,2) NULL, \`predicate\` varchar(12) NULL, \`certificateNumber\` varchar(80) NULL, \`certificateIssuedOn\` date NULL, \`endedOn\` date NULL, \`dropOutReason\` varchar(300) NULL, UNIQUE INDEX \`ux_enrollment_certificate\` (\`certificateNumber\`), INDEX \`ix_enrollment_unit\` (\`unitCode\`, \`id\`), INDEX \`ix_enrollment_participant\` (\`participantId\`), UNIQUE INDEX \`ux_enrollment_class_participant\` (\`classId\`, \`participantId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`participant\` (\`id\` int NOT NULL AUTO_INCREMENT, \`unitCode\` varchar(40) NOT NULL, \`nikHash\` varchar(64) NOT NULL, \`nikCipher\` varchar(100) NOT NULL, \`nikMasked\` varchar(16) NOT NULL, \`name\` varchar(150) NOT NULL, \`gender\` varchar(6) NOT NULL, \`birthDate\` date NOT NULL, \`education\` varchar(6) NOT NULL, \`category\` varchar(20) NOT NULL, \`originProvince\` varchar(100) NULL, \`originRegency\` varchar(100) NULL, UNIQUE INDEX \`ux_participant_nik_hash\` (\`nikHash\`), INDEX \`ix_participant_name\` (\`name\`), INDEX \`ix_participant_unit\` (\`unitCode\`, \`id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`programme\` (\`id\` int NOT NULL AUTO_INCREMENT, \`unitCode\` varchar(40) NOT NULL, \`code\` varchar(20) NOT NULL, \`name\` varchar(200) NOT NULL, \`description\` varchar(500) NULL, \`participantCategory\` varchar(20) NOT NULL, \`budgetOutputCode\` varchar(30) NULL, \`indicatorCode\` varchar(10) NULL, \`partner\` varchar(150) NULL, UNIQUE INDEX \`ux_programme_unit_code\` (\`unitCode\`, \`code\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`alumni_monitoring\` (\`id\` int NOT NULL AUTO_INCREMENT, \`unitCode\` varchar(40) NOT NULL, \`enrollmentId\` int NOT NULL, \`year\` int NOT NULL, \`assessedOn\` date NOT NULL, \`marketingImproved\` tinyint NOT NULL, \`permitsObtained\` tinyint NOT NULL, \`quantityImproved\` tinyint NOT NULL, \`qualityImproved\` tinyint NOT NULL, \`hasLifeSkills\` tinyint NOT NULL, \`notes\` varchar(500) NULL, UNIQUE INDEX \`ux_alumni_monitoring_enrollment\` (\`enrollmentId\`), INDEX \`ix_alumni_monitoring_unit_year\` (\`unitCode\`, \`year\`, \`id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`import_job\` (\`id\` int NOT NULL AUTO_INCREMENT, \`unitCode\` varchar(40) NOT NULL, \`format\` varchar(4) NOT NULL, \`dryRun\` tinyint NOT NULL, \`status\` varchar(10) NOT NULL, \`phase\` varchar(10) NOT NULL, \`totalRows\` int NOT NULL DEFAULT '0', \`processedRows\` int NOT NULL DEFAULT '0', \`errorCount\` int NOT NULL DEFAULT '0', \`participantsCreated\` int NOT NULL DEFAULT '0', \`enrollmentsCreated\` int NOT NULL DEFAULT '0', \`message\` varchar(500) NULL, \`requestedBy\` varchar(100) NOT NULL, \`startedAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`finishedAt\` datetime NULL, INDEX \`ix_import_job_unit\` (\`unitCode\`, \`id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`import_row_error\` (\`id\` int NOT NULL AUTO_INCREMENT, \`jobId\` int NOT NULL, \`row\` int NOT NULL, \`column\` varchar(60) NOT NULL, \`reason\` varchar(300) NOT NULL, INDEX \`ix_import_row_error_job\` (\`jobId\`, \`id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`ix_import_row_error_job\` ON \`import_row_error\``);
    await queryRunner.query(`DROP TABLE \`import_row_error\``);
    await queryRunner.query(`DROP INDEX \`ix_import_job_unit\` ON \`import_job\``);
    await queryRunner.query(`DROP TABLE \`import_job\``);
    await queryRunner.query(`DROP INDEX \`ix_alumni_monitoring_unit_year\` ON \`alumni_monitoring\``);
    await queryRunner.query(`DROP INDEX \`ux_alumni_monitoring_enrollment\` ON \`alumni_monitoring\``);
    await queryRunner.query(`DROP TABLE \`alumni_monitoring\``);
    await queryRunner.query(`DROP INDEX \`ux_programme_unit_code\` ON \`programme\``);
    await queryRunner.query(`DROP TABLE \`programme\``);
    await queryRunner.query(`DROP INDEX \`ix_participant_unit\` ON \`participant\``);
    await queryRunner.query(`DROP INDEX \`ix_participant_name\` ON \`participant\``);
    await queryRunner.query(`DROP INDEX \`ux_participant_nik_hash\` ON \`participant\``);
    await queryRunner.query(`DROP TABLE \`participant\``);
    await queryRunner.query(`DROP INDEX \`ux_enrollment_class_participant\` ON \`enrollment\``);
    await queryRunner.query(`DROP INDEX \`ix_enrollment_participant\` ON \`enrollment\``);
    await queryRunner.query(`DROP INDEX \`ix_enrollment_unit\` ON \`enrollment\``);
    await queryRunner.query(`DROP INDEX \`ux_enrollment_certificate\` ON \`enrollment\``);
    await queryRunner.query(`DROP TABLE \`enrollment\``);
    await queryRunner.query(`DROP INDEX \`ux_training_class_batch\` ON \`training_class\``);
    await queryRunner.query(`DROP INDEX \`ix_training_class_unit_year\` ON \`training_class\``);
    await queryRunner.query(`DROP TABLE \`training_class\``);
    await queryRunner.query(`DROP INDEX \`ux_staff_job_count\` ON \`staff_job_count\``);
    await queryRunner.query(`DROP TABLE \`staff_job_count\``);
    await queryRunner.query(`DROP INDEX \`ix_facility_campus\` ON \`facility\``);
    await queryRunner.query(`DROP TABLE \`facility\``);
    await queryRunner.query(`DROP INDEX \`ux_campus_unit_name\` ON \`campus\``);
    await queryRunner.query(`DROP TABLE \`campus\``);
    await queryRunner.query(`DROP INDEX \`ux_staff_count\` ON \`staff_count\``);
    await queryRunner.query(`DROP TABLE \`staff_count\``);
    await queryRunner.query(`DROP INDEX \`ux_work_area_unit_province\` ON \`work_area_province\``);
    await queryRunner.query(`DROP TABLE \`work_area_province\``);
    await queryRunner.query(`DROP TABLE \`unit\``);
    await queryRunner.query(`DROP INDEX \`ux_cert_assessment_session_candidate\` ON \`certification_assessment\``);
    await queryRunner.query(`DROP INDEX \`ix_cert_assessment_unit_year\` ON \`certification_assessment\``);
    await queryRunner.query(`DROP INDEX \`ix_cert_assessment_candidate\` ON \`certification_assessment\``);
    await queryRunner.query(`DROP TABLE \`certification_assessment\``);
    await queryRunner.query(`DROP INDEX \`ix_cert_session_unit_year\` ON \`certification_session\``);
    await queryRunner.query(`DROP TABLE \`certification_session\``);
    await queryRunner.query(`DROP INDEX \`ix_cert_candidate_unit_year\` ON \`certification_candidate\``);
    await queryRunner.query(`DROP TABLE \`certification_candidate\``);
    await queryRunner.query(`DROP INDEX \`ix_atensi_case_unit_year\` ON \`atensi_case\``);
    await queryRunner.query(`DROP TABLE \`atensi_case\``);
    await queryRunner.query(`DROP TABLE \`accreditation_target\``);
    await queryRunner.query(`DROP INDEX \`ux_accreditation_institution_year\` ON \`accreditation_assessment\``);
    await queryRunner.query(`DROP INDEX \`ix_accreditation_unit_year\` ON \`accreditation_assessment\``);
    await queryRunner.query(`DROP TABLE \`accreditation_assessment\``);
    await queryRunner.query(`DROP INDEX \`ix_lks_institution_unit\` ON \`lks_institution\``);
    await queryRunner.query(`DROP TABLE \`lks_institution\``);
    await queryRunner.query(`DROP TABLE \`processed_event\``);
    await queryRunner.query(`DROP INDEX \`ix_outbox_pending\` ON \`outbox_event\``);
    await queryRunner.query(`DROP INDEX \`ux_outbox_event_id\` ON \`outbox_event\``);
    await queryRunner.query(`DROP TABLE \`outbox_event\``);
  }
}
