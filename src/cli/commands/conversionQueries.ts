// `arr conversion get` and `arr conversion list`.
import type { CommandContext } from "../commandContext.js";
import {
  conversionView,
  formatConversion,
  formatConversionTable,
  type ConversionView,
} from "../output/conversionView.js";

export async function getConversion(context: CommandContext, conversionId: string): Promise<void> {
  const connection = await context.connect();
  try {
    const view = conversionView(await connection.client.getConversion(conversionId));
    if (context.json) context.printJson(view);
    else context.print(formatConversion(view, context.stdoutStyle));
  } finally {
    await connection.close();
  }
}

export async function listConversions(context: CommandContext): Promise<void> {
  const connection = await context.connect();
  try {
    const views: ConversionView[] = [];
    for await (const conversion of connection.client.listConversions())
      views.push(conversionView(conversion));
    if (context.json) context.printJson(views);
    else context.print(formatConversionTable(views, context.stdoutStyle));
  } finally {
    await connection.close();
  }
}
