-- AlterTable
ALTER TABLE "incidents" ADD COLUMN     "trigger_agent_type" TEXT,
ADD COLUMN     "trigger_email_from" TEXT;

