import { ApiProperty } from '@nestjs/swagger';

export class FacilitatorItem {
  @ApiProperty({ description: 'The user id' }) id!: string;
  @ApiProperty() name!: string;
}

export class FacilitatorPage {
  @ApiProperty({ type: [FacilitatorItem] }) items!: FacilitatorItem[];
  @ApiProperty({ nullable: true, type: String, description: 'Always null: the whole list at once' })
  nextCursor!: string | null;
}
