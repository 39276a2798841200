// The commands Teams shows in the compose box (manifest commandLists) and the welcome card lists.
// They match the Slack features: each one is ordinary text that the shared handler understands.

export interface TeamsCommand {
  title: string;
  description: string;
}

export const COMMANDS: TeamsCommand[] = [
  { title: 'help', description: 'What I can do, with examples' },
  { title: 'compare', description: 'ECS vs EKS at a glance, or one topic: "compare networking"' },
  { title: 'cost', description: 'Monthly cost, side by side: "cost 10 tasks 1 vCPU 2 GB in eu-west-1"' },
  { title: 'recommend', description: 'Help me choose: five questions, then a recommendation' },
];
